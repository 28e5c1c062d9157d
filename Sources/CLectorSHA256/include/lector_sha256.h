#ifndef LECTOR_SHA256_H
#define LECTOR_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// Runs the SHA-256 compression function (FIPS 180-4, 6.2.2) over `blocks` 64-byte blocks
/// at `data`, updating the eight working values in `state`. Padding is the caller's.
void lector_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
