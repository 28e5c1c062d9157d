#ifndef LECTOR_FUZZ_H
#define LECTOR_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, linked by `-sanitize=fuzzer`. SwiftPM renames an executable's
/// main, which hides libFuzzer's own main; lector-fuzz calls the driver itself.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
