"""One error family: every bannerkit exception lives in errors.py under the right parent."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import bannerkit
from bannerkit import errors
from bannerkit.errors import BannerkitError, CatalogueError, OptionError, OutputError, SizeError
from bannerkit.led import slogan_ids
from bannerkit.options import RenderOptions


def _all_subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    return found | {sub for child in found for sub in _all_subclasses(child)}


def test_every_bannerkit_exception_is_defined_in_errors_py():
    for module in pkgutil.walk_packages(bannerkit.__path__, "bannerkit."):
        importlib.import_module(module.name)
    classes = _all_subclasses(BannerkitError)
    assert {"SpecError", "BatchError", "PreviewError", "OptionError"} <= {c.__name__ for c in classes}
    assert {c.__module__ for c in classes} == {errors.__name__}


def test_bad_slogan_numbers_are_a_catalogue_error_not_an_output_error():
    with pytest.raises(CatalogueError) as caught:
        slogan_ids("1-x")
    assert not isinstance(caught.value, OutputError)


def test_bad_led_colours_are_an_option_error_not_a_size_error():
    with pytest.raises(OptionError) as caught:
        RenderOptions(led_colors="blue")
    assert not isinstance(caught.value, SizeError)
