"""Rule packs, one module per jurisdiction (``cn.py`` for China).

Every public module here that defines ``PACKS`` (a tuple of ``keepwell.law.registry.Pack``) is registered
automatically; see ``keepwell/law/README.md``. The package is not called ``packs`` so that it cannot shadow
the ``keepwell.law.packs()`` function once imported.
"""
