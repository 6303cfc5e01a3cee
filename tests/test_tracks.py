"""Section tracks and their playlist, the folder swap that writes them, and
the publisher name they carry."""

from __future__ import annotations

from dataclasses import replace

import pytest
from mutagen.id3 import ID3

from publisher.atomic import atomic_folder
from publisher.errors import PublisherError
from publisher.project import Project
from publisher.settings import DEFAULT_PUBLISHER_NAME, load_settings
from publisher.speech.audio import decode_mp3, loudness_lufs, true_peak_dbtp
from publisher.speech.mastering import master
from publisher.speech.narrate import PLAYLIST, AlbumTags, write_tracks
from publisher.speech.playlist import Track, m3u8
from test_audio import RATE, speechlike
from test_mastering import recording_of


def test_playlist_lists_titles_durations_and_files_in_order():
    text = m3u8([Track("01-key-points.mp3", "Key points", 34.4), Track("02-what-is.mp3", "What\nis ALS?", 61.6)],
                "ALS: an overview")
    assert text == ("#EXTM3U\n#PLAYLIST:ALS: an overview\n#EXTINF:34,Key points\n01-key-points.mp3\n"
                    "#EXTINF:62,What is ALS?\n02-what-is.mp3\n")


def test_each_chapter_becomes_a_numbered_tagged_track_at_speech_loudness(tmp_path):
    quiet, loud = speechlike(5.45, 0.02, seed=2), speechlike(8.45, 0.9, seed=3)
    made = recording_of([[quiet], [loud]])
    recording = replace(made, chapters=(replace(made.chapters[0], id="key-points", title="Puntos clave"),
                                        replace(made.chapters[1], id="causes", title="¿Qué causa la ELA?")))
    folder = tmp_path / "out" / "guide"
    tracks = write_tracks(recording, master(recording), folder,
                          AlbumTags("La ELA", "Grupo ELA Norte", "es", ("es=roa/es",)))
    assert sorted(path.name for path in folder.iterdir()) == ["01-key-points.mp3", "02-causes.mp3", PLAYLIST]
    assert [round(track.seconds, 3) for track in tracks] == [6.0, 9.0]
    for number, track in enumerate(tracks, start=1):
        tags = ID3(folder / track.file)
        assert str(tags["TRCK"]) == f"{number}/2" and str(tags["TIT2"]) == track.title
        assert (str(tags["TALB"]), str(tags["TPE1"]), str(tags["TLAN"])) == ("La ELA", "Grupo ELA Norte", "spa")
        heard = decode_mp3((folder / track.file).read_bytes(), RATE)
        assert abs(loudness_lufs(heard, RATE) - (-19)) <= 0.3
        assert true_peak_dbtp(heard) < -1.0
    playlist = (folder / PLAYLIST).read_text(encoding="utf-8").splitlines()
    assert playlist[-2:] == ["#EXTINF:9,¿Qué causa la ELA?", "02-causes.mp3"]
    assert not [path for path in folder.parent.iterdir() if path.name.startswith(".")]


def test_a_folder_is_replaced_whole_or_not_at_all(tmp_path):
    target = tmp_path / "guide"
    target.mkdir()
    (target / "01-old.mp3").write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_folder(target) as partial:
            (partial / "01-new.mp3").write_text("new")
            raise RuntimeError("the build failed half way")
    assert [path.name for path in tmp_path.iterdir()] == ["guide"]
    assert [path.name for path in target.iterdir()] == ["01-old.mp3"]
    with atomic_folder(target) as partial:
        (partial / "01-new.mp3").write_text("new")
    assert [path.name for path in tmp_path.iterdir()] == ["guide"]
    assert [path.name for path in target.iterdir()] == ["01-new.mp3"]


def test_publisher_name_comes_from_publisher_toml(tmp_path):
    project = Project(tmp_path)
    assert load_settings(project).publisher_name == DEFAULT_PUBLISHER_NAME
    (tmp_path / "publisher.toml").write_text('[publisher]\nname = "Northside ALS  Support Group"\n')
    assert load_settings(project).publisher_name == "Northside ALS Support Group"


@pytest.mark.parametrize("text,line,words", [
    ('[publisher]\nname = ""\n', 2, "publisher.name"),
    ('[publisher]\nname = "A"\nartist = "B"\n', 3, "publisher.artist"),
    ('title = "x"\n', 1, "'title'"),
    ('[publisher\nname = "A"\n', 1, "not valid TOML"),
])
def test_a_mistake_in_publisher_toml_names_its_line(tmp_path, text, line, words):
    (tmp_path / "publisher.toml").write_text(text)
    with pytest.raises(PublisherError) as caught:
        load_settings(Project(tmp_path))
    assert caught.value.line == line and words in str(caught.value)
