#ifndef DEALFINANCE_CGMP_SHIM_H
#define DEALFINANCE_CGMP_SHIM_H
#include <gmp.h>
#endif
