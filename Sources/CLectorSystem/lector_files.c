#define _GNU_SOURCE
#include "lector_files.h"

#include <unistd.h>

int lector_syncfs(int descriptor) {
    return syncfs(descriptor);
}
