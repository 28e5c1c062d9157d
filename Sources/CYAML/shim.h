#ifndef LECTOR_CYAML_SHIM_H
#define LECTOR_CYAML_SHIM_H
#include <yaml.h>
#endif
