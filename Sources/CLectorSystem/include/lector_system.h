#ifndef LECTOR_SYSTEM_H
#define LECTOR_SYSTEM_H

/// Renames `source` to `target` only if `target` does not exist (renameat2 with
/// RENAME_NOREPLACE), atomically. Returns 0, or -1 with errno set (EEXIST when the target
/// exists). Glibc's Swift module does not export renameat2, and syscall(2) is variadic.
int lector_rename_noreplace(const char *source, const char *target);

#endif
