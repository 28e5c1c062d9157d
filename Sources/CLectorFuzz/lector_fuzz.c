#include <stdio.h>

#include "lector_fuzz.h"

// A weak stand-in so that ordinary builds (without -sanitize=fuzzer) link; libFuzzer's
// strong definition replaces it in `make fuzz` builds.
__attribute__((weak)) int LLVMFuzzerRunDriver(int *argc, char ***argv,
                                              int (*callback)(const uint8_t *data, size_t size)) {
    (void)argc;
    (void)argv;
    (void)callback;
    fprintf(stderr, "lector-fuzz: this build has no libFuzzer; build it with `make fuzz`\n");
    return 2;
}
