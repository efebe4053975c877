"""The hashes casestaff keys things on, from the interpreter's own modules rather than hashlib:
importing hashlib loads OpenSSL first, about 5 ms of every start (issue 11).

BLAKE2b keys the stored answers, the cache and the packs' fingerprint: changing it changes every
cache key and answer key, so bump files/cache.FORMAT with it. SHA-256 stays where its digest is
written down and read back by other versions (files/writer.host_tag in temporary files' names).
"""

from __future__ import annotations

TYPE_CHECKING = False  # as in files/answers.py: typing is not imported on a start
if TYPE_CHECKING:
    from hashlib import blake2b, sha256
else:
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - an interpreter built without its own BLAKE2
        from hashlib import blake2b
    try:
        from _sha2 import sha256  # Python 3.12 and later
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.10 and 3.11
        except ImportError:  # pragma: no cover - an interpreter built without its own SHA-2
            from hashlib import sha256

__all__ = ["blake2b", "hex_digest", "sha256"]


def hex_digest(data: bytes, chars: int) -> str:
    """`chars` hexadecimal digits (an even number) of the digest of `data`."""
    return blake2b(data, digest_size=chars // 2).hexdigest()
