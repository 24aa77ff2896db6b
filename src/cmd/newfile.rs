//! New database files appear whole or not at all: built beside their path under a temporary name,
//! then put in place in one step once complete (`init`, `import` into a new file, `backup`).

use std::path::{Path, PathBuf};

/// Puts a finished database file, built under a temporary name beside `path`, in place. A hard
/// link, unlike a rename, never replaces a file another process made meanwhile; where the file
/// system has no hard links, a rename after checking the name is free comes closest. The folder
/// is synced, so a placed file survives a power cut. The temporary name goes either way.
pub(super) fn put_in_place(scratch: &Path, path: &Path) -> Result<(), Placed> {
    let linked = std::fs::hard_link(scratch, path);
    let placed = match linked {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Placed::Taken),
        Err(_) if path.symlink_metadata().is_ok() => Err(Placed::Taken),
        // No hard links here (FAT, many network and FUSE file systems).
        Err(_) => std::fs::rename(scratch, path).map_err(|e| Placed::Failed(e.to_string())),
        Ok(()) => Ok(()),
    };
    remove_database(scratch);
    if placed.is_ok() {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if let Ok(dir) = std::fs::File::open(folder) {
            let _ = dir.sync_all();
        }
    }
    placed
}

/// Why a new file could not be put in place.
pub(super) enum Placed {
    /// Another process (or a link) took the name meanwhile.
    Taken,
    Failed(String),
}

/// A temporary name beside `path` for a database being built, unlikely to meet a leftover.
pub(super) fn scratch_beside(path: &Path, what: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    path.with_file_name(format!(".{name}.{what}-{}-{nanos:09}", std::process::id()))
}

/// Removes a database file and what SQLite may have left beside it.
pub(super) fn remove_database(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
