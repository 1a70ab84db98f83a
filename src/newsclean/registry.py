"""The stage registry: names to stages, so pipelines can be built from names.

Built-in stages register themselves when :mod:`newsclean.stages` is imported;
plugins register with :func:`register` or through the ``newsclean.stages``
entry-point group (each entry point names a stage object or class).
"""

from __future__ import annotations

import _thread
import importlib
from collections.abc import Callable
from typing import Any, TypeVar

from newsclean.errors import ConfigError, UnknownStageError

__all__ = ["get", "get_factory", "names", "register"]

T = TypeVar("T")

#: The package whose import registers the built-in stages.
BUILTIN_STAGES = "newsclean.stages"

_REGISTRY: dict[str, Any] = {}
_LOCK = _thread.allocate_lock()  # threading.Lock(), without importing threading (see regexlite)
_loaded = False
_plugins_loaded = False


def _ensure_loaded(*, plugins: bool = False) -> None:
    """Import the built-in stages and, when ``plugins`` is set, the entry-point plugins.

    Plugins are looked up only when a name is not a built-in stage (or for
    :func:`names`): reading the installed packages' entry points costs tens of
    milliseconds, which the default pipeline, made of built-in stages only,
    would otherwise pay on the first call of every process.
    """
    global _loaded, _plugins_loaded
    if _loaded and (_plugins_loaded or not plugins):
        return
    with _LOCK:
        if not _loaded:
            # The built-in stages are loaded like plugins, by module name: the
            # registry imports no stage module, so it stays a leaf that stage
            # modules (through newsclean.protocol) can import. Their dataclasses
            # take their methods' code from the packaged file (newsclean.classcode).
            from newsclean.classcode import packaged_class_code

            with packaged_class_code():
                importlib.import_module(BUILTIN_STAGES)
            _loaded = True
        if plugins and not _plugins_loaded:
            _load_entry_points()
            _plugins_loaded = True


def _load_entry_points() -> None:
    from importlib.metadata import entry_points

    for ep in entry_points(group="newsclean.stages"):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not break newsclean
            import warnings

            warnings.warn(f"could not load newsclean stage plugin {ep.name!r}: {exc}", stacklevel=2)
            continue
        if ep.name not in _REGISTRY:
            _REGISTRY[ep.name] = obj


def register(name: str) -> Callable[[T], T]:
    """Register a stage (a function or a stage class) under ``name``.

    Use as a decorator. Registering the same object twice is harmless;
    registering a different object under a taken name raises ConfigError.
    """
    if not name or not name.replace("_", "").isalnum():
        raise ConfigError(f"stage names are snake_case words, got {name!r}")

    def deco(obj: T) -> T:
        current = _REGISTRY.get(name)
        if current is not None and current is not obj:
            raise ConfigError(f"a different stage is already registered as {name!r}")
        _REGISTRY[name] = obj
        return obj

    return deco


def get_factory(name: str) -> Any:
    """Return what is registered under ``name`` (a stage, or a stage class)."""
    _ensure_loaded()
    if name not in _REGISTRY:
        _ensure_loaded(plugins=True)
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownStageError(
            f"no stage named {name!r}; registered stages: {', '.join(sorted(_REGISTRY))}"
        ) from None


def get(name: str, **options: Any) -> Any:
    """Return a ready stage for ``name``; classes are built with ``options``.

    Raises:
        UnknownStageError: If nothing is registered under ``name``.
        ConfigError: If options are given for a stage that takes none, or are invalid.
    """
    factory = get_factory(name)
    if isinstance(factory, type):
        try:
            return factory(**options)
        except TypeError as exc:
            raise ConfigError(f"bad options for stage {name!r}: {exc}") from exc
    if options:
        raise ConfigError(f"stage {name!r} takes no options, got {sorted(options)}")
    return factory


def names() -> list[str]:
    """Return the registered stage names, sorted."""
    _ensure_loaded(plugins=True)
    return sorted(_REGISTRY)
