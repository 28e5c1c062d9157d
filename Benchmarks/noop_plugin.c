/* A library plugin that adds {"noop": true}: measures the cost of a library call alone. */
#include <stdlib.h>
#include <string.h>
#include "../Plugins/include/lector_plugin.h"

static const char reply[] = "{\"fields\":{\"noop\":true}}";
uint32_t lector_plugin_abi_version(void) { return LECTOR_PLUGIN_ABI_VERSION; }
const char *lector_plugin_name(void) { return "noop"; }
void *lector_plugin_create(const char *options, char **error) { (void)options; (void)error; return malloc(1); }
char *lector_plugin_process(void *instance, const char *request, size_t length, size_t *reply_length, char **error) {
    (void)instance; (void)request; (void)length; (void)error;
    char *copy = malloc(sizeof reply);
    memcpy(copy, reply, sizeof reply);
    *reply_length = sizeof reply - 1;
    return copy;
}
void lector_plugin_free(void *pointer) { free(pointer); }
void lector_plugin_destroy(void *instance) { free(instance); }
int lector_plugin_thread_safe(void) { return 1; }
