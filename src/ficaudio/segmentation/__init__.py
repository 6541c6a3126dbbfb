"""The segment stage's parts: quotation finding and marked thoughts (pure string code)."""
