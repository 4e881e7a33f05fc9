#ifndef CHRONICLE_CZLIB_SHIM_H
#define CHRONICLE_CZLIB_SHIM_H
#include <zlib.h>
#endif
