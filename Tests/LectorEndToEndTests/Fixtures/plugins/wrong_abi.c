/* A shared library that claims plugin ABI version 99, for the ABI-mismatch test. */
#include <stdint.h>
uint32_t lector_plugin_abi_version(void) { return 99; }
const char *lector_plugin_name(void) { return "future"; }
