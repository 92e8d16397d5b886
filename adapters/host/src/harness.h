/* The line-protocol server: requests on stdin, one response line each on stdout. */
#ifndef RC_HARNESS_H
#define RC_HARNESS_H

#include "kernel.h"

/* Serve until bye or end of input; the namespace is always torn down before it returns. */
int harness_serve(const limits *lim);

#endif
