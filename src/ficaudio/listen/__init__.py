"""Listening: what turns a rendered story folder into something people can listen to.

After render/stitch/tag, :func:`publish` writes per story: WebVTT and SRT transcripts,
Podcasting 2.0 chapter JSON, a podcast ``feed.xml``, an ``index.html`` player page and,
on request, an M4B; :func:`publish_library` writes a feed over all stories of an output
folder; :func:`ficaudio.listen.serve.serve` serves a folder to phones and podcast apps.
All of it is built from ``book.json`` (:func:`load_book`) alone.
"""

from ficaudio.listen.book import BookInfo, load_book
from ficaudio.listen.publish import FORMATS, publish, publish_library

__all__ = ["FORMATS", "BookInfo", "load_book", "publish", "publish_library"]
