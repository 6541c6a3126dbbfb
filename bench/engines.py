"""Speed of the speech paths, side by side on the same ~2,000 sentences.

    .venv/bin/python bench/engines.py [--sentences 2000] [--seeds /work/shared/seeds]

Measures audio-seconds per wall-second (x real time) for:
  espeak-direct   ficaudio's EspeakEngine in one process (trim + loudness included)
  pyttsx3         ficaudio's Pyttsx3Engine (pyttsx3's espeak driver, one file per sentence)
  render-jobs1    render.synthesize_all, 1 worker process, into a fresh cache
  render-jobs2    render.synthesize_all, 2 worker processes, into a fresh cache
Each runs in its own process (espeak initialises once per process). Sentences come from
the seed stories when the folder exists, else from a generated text (the script says which).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VOICES = [("en-us", 50), ("en+f4", 60), ("en-us+m7", 40), ("en-gb-x-rp", 50)]
DEFAULT_SEEDS = Path("/work/shared/seeds")


def seed_sentences(folder: Path, count: int) -> list[str]:
    """Sentences of 3-300 characters from the seed stories, in file order."""
    sentences: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for piece in re.split(r"(?<=[.!?])[\"'”’]?\s+", text):
            piece = " ".join(piece.split())
            if 3 <= len(piece) <= 300:
                sentences.append(piece)
    return sentences[:count]


def generated_sentences(count: int) -> list[str]:
    words = "the rain fell on the old house while she waited for him to say something kind".split()
    return [" ".join(words[(i * 7 + j) % len(words)] for j in range(5 + i % 15)).capitalize() + "." for i in range(count)]


def utterances(sentences: list[str]):
    from ficaudio.models import Utterance, Voice

    return [Utterance(s, Voice(VOICES[i % len(VOICES)][0], pitch=VOICES[i % len(VOICES)][1])) for i, s in enumerate(sentences)]


def run_engine(name: str, sentences: list[str]) -> dict:
    from ficaudio.engines import load_engine

    engine = load_engine(name)
    utts = utterances(sentences)
    engine.synthesize("Warm up.", utts[0].voice)
    start = time.perf_counter()
    sample_total = sum(len(engine.synthesize(u.text, u.voice)) // 2 for u in utts)
    wall_s = time.perf_counter() - start
    return {"audio_s": sample_total / engine.sample_rate_hz, "wall_s": wall_s}


def run_render(jobs: int, sentences: list[str]) -> dict:
    from ficaudio.cache import ClipCache
    from ficaudio.render import synthesize_all

    with tempfile.TemporaryDirectory() as root:
        store = ClipCache(root)
        start = time.perf_counter()  # includes spawning the workers
        synthesize_all(utterances(sentences), store, engine_name="espeak", jobs=jobs)
        wall_s = time.perf_counter() - start
        audio_s = store.size_bytes() / 2 / 22050
    return {"audio_s": audio_s, "wall_s": wall_s}


def child(method: str, sentences_file: str) -> None:
    sentences = json.loads(Path(sentences_file).read_text())
    if method.startswith("render-jobs"):
        result = run_render(int(method.removeprefix("render-jobs")), sentences)
    else:
        result = run_engine({"espeak-direct": "espeak", "pyttsx3": "pyttsx3"}[method], sentences)
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--sentences-file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.sentences_file)
    if args.seeds.is_dir():
        sentences, source = seed_sentences(args.seeds, args.sentences), f"seed stories in {args.seeds}"
    else:
        sentences, source = generated_sentences(args.sentences), f"generated text ({args.seeds} absent)"
    print(f"{len(sentences)} sentences, {sum(map(len, sentences))} characters, from {source}")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(sentences, handle)
    for method in ("espeak-direct", "pyttsx3", "render-jobs1", "render-jobs2"):
        cmd = [sys.executable, __file__, "--child", method, "--sentences-file", handle.name]
        run = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if run.returncode != 0:
            print(f"{method:14} failed: {run.stderr.strip().splitlines()[-1:]}")
            continue
        result = json.loads(run.stdout.strip().splitlines()[-1])
        speed = result["audio_s"] / result["wall_s"]
        print(f"{method:14} audio {result['audio_s']:8.1f} s  wall {result['wall_s']:6.2f} s  {speed:7.0f}x real time")
    Path(handle.name).unlink()


if __name__ == "__main__":
    main()
