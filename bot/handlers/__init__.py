"""One module per feature; each exposes `build_handlers()`."""
