"""
Uploaded files in and out of backup archives, the same way for every storage
backend (the local file system or an object store).

Each storage of uploads has one archive, a gzipped tar file of every file in it
under its stored name (``./images/….webp``): ``media.tar.gz`` for images and their
resized copies (the ``default`` storage), ``documents.tar.gz`` for PDF documents
(the ``documents`` storage). They are the same archives that ``tar -C MEDIA_ROOT
-czf media.tar.gz .`` makes, so either side can be a plain folder.
"""

import tarfile
import time
from pathlib import PurePosixPath

from django.core.files import File
from django.core.files.storage import storages

# Archive name: the alias of its storage in settings.STORAGES.
ARCHIVES = {"media.tar.gz": "default", "documents.tar.gz": "documents"}


def stored_names(storage, folder=""):
    """Every file name in ``storage`` (under ``folder``), depth first, sorted."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local storage's folder that nothing was stored in yet
        return
    for name in sorted(files):
        yield str(PurePosixPath(folder) / name) if folder else name
    for name in sorted(folders):
        yield from stored_names(storage, str(PurePosixPath(folder) / name) if folder else name)


def archive_storage(storage, path):
    """Write every file of ``storage`` into the archive at ``path``; return how many."""
    count = 0
    with tarfile.open(path, "w:gz") as archive:
        for name in stored_names(storage):
            with storage.open(name, "rb") as file:
                info = tarfile.TarInfo(f"./{name}")
                info.size = file.size
                info.mtime = int(time.time())
                info.mode = 0o640
                archive.addfile(info, file)
            count += 1
    return count


def _safe_name(member_name):
    """The stored name of an archive member, or None for anything that is not a plain file path."""
    path = PurePosixPath(member_name)
    parts = [part for part in path.parts if part not in (".", "")]
    if not parts or path.is_absolute() or ".." in parts:
        return None
    return "/".join(parts)


def restore_storage(storage, path):
    """
    Put every file of the archive at ``path`` into ``storage`` under its own name.
    A file already there with the same size is left as it is. Returns the numbers of
    files written and of files that were there already.
    """
    written = kept = 0
    with tarfile.open(path, "r:gz") as archive:
        for member in archive:
            name = _safe_name(member.name)
            if not member.isfile() or name is None:
                continue
            if storage.exists(name):
                if storage.size(name) == member.size:
                    kept += 1
                    continue
                storage.delete(name)
            source = archive.extractfile(member)
            saved = storage.save(name, File(source, name=name))
            if saved != name:  # pragma: no cover (the name was free a moment ago)
                raise OSError(f"{name} was stored as {saved}")
            written += 1
    return written, kept


def archive_all(folder):
    """Archive every storage of uploads into ``folder``: {archive name: files}."""
    return {
        archive: archive_storage(storages[alias], folder / archive)
        for archive, alias in ARCHIVES.items()
    }


def restore_all(folder):
    """Restore every archive found in ``folder``: {archive name: (written, kept)}."""
    return {
        archive: restore_storage(storages[alias], folder / archive)
        for archive, alias in ARCHIVES.items()
        if (folder / archive).exists()
    }
