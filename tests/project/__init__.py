"""Tests of the project itself: docs, install, layers, lock, gates."""
