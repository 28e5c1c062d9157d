/*
 * lector_plugin.h: the C ABI of Lector's shared-library plugins, version 1.
 *
 * A plugin is a shared object (.so) that exports the functions below with C linkage. It
 * can be written in C, in Rust (`#[no_mangle] extern "C"`), in Swift (`@_cdecl`), or in
 * anything else that can export C functions. Lector loads it with dlopen when the chain is
 * built, checks lector_plugin_abi_version() == LECTOR_PLUGIN_ABI_VERSION, and refuses any
 * other version with a configuration error.
 *
 * All strings are UTF-8 and NUL-terminated. JSON crosses the boundary in both directions,
 * in the same shapes as the exec-plugin protocol (see Plugins/README.md):
 *   request: {"id": "...", "document": {"id", "metadata", "text", <fields so far>}}
 *   reply:   {"fields": {"<name>": ...}, "warnings": ["..."]}
 *        or  {"error": {"code": "invalid_input", "message": "..."}}
 *
 * Memory: every string a plugin returns (a reply, an error) is allocated by the plugin and
 * given back to lector_plugin_free. Lector never frees plugin memory itself.
 *
 * Threads: Lector calls lector_plugin_process from several worker threads at once only if
 * lector_plugin_thread_safe is exported and returns nonzero; otherwise it serialises calls
 * to one plugin instance.
 *
 * A library plugin runs inside the daemon: a crash in it is a crash of the daemon. Use an
 * exec plugin for code you do not trust.
 */
#ifndef LECTOR_PLUGIN_H
#define LECTOR_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#define LECTOR_PLUGIN_ABI_VERSION 1

#ifdef __cplusplus
extern "C" {
#endif

/* Required. Returns LECTOR_PLUGIN_ABI_VERSION as the plugin was built against. */
uint32_t lector_plugin_abi_version(void);

/* Required. The plugin's name: the key of the field it adds (a static string). */
const char *lector_plugin_name(void);

/* Required. Creates an instance from the step's `options:` as a JSON object ("{}" when
 * none). Returns NULL and sets *error (plugin-allocated) when the options are wrong. */
void *lector_plugin_create(const char *options_json, char **error);

/* Required. Processes one request. Returns a reply (plugin-allocated) and its length, or
 * NULL and sets *error (plugin-allocated). */
char *lector_plugin_process(void *instance, const char *request_json, size_t request_length,
                            size_t *reply_length, char **error);

/* Required. Frees a string the plugin returned. */
void lector_plugin_free(void *pointer);

/* Required. Destroys an instance made by lector_plugin_create. */
void lector_plugin_destroy(void *instance);

/* Optional. Returns nonzero when lector_plugin_process may run concurrently. */
int lector_plugin_thread_safe(void);

#ifdef __cplusplus
}
#endif

#endif
