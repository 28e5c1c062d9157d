#ifndef LECTOR_FILES_H
#define LECTOR_FILES_H

/// syncfs(2): writes every dirty page and inode of the file system holding `descriptor` to
/// disk, in one journal commit. Glibc declares it only with _GNU_SOURCE, which Swift's
/// Glibc module does not set. Returns 0, or -1 with errno set.
int lector_syncfs(int descriptor);

/// flistxattr(2) without a buffer: the size of the list of extended attribute names of the
/// file open as `descriptor` (0 when it has none, which also means no ACL and no security
/// label), or -1 with errno set.
long lector_xattr_names_size(int descriptor);

#endif
