"""Rule packs, one module per jurisdiction (``cn.py`` for China).

Every public module here that defines ``PACKS`` (a tuple of ``keepwell.law.registry.Pack``) is registered
automatically; see ``keepwell/law/README.md``.
"""
