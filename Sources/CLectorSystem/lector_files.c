#define _GNU_SOURCE
#include "lector_files.h"

#include <sys/xattr.h>
#include <unistd.h>

int lector_syncfs(int descriptor) {
    return syncfs(descriptor);
}

long lector_xattr_names_size(int descriptor) {
    return (long)flistxattr(descriptor, 0, 0);
}
