import pytest

from .factories import review_world


@pytest.fixture
def rw(world):
    """The org world plus a 文学院 website channel and its three stages' reviewers."""
    return review_world(world)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
