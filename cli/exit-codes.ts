/** 0: conformant (or nothing to report). */
export const EXIT_OK = 0;
/** 1: a divergence or invariant failure was found. */
export const EXIT_FAILURE = 1;
/** 2: bad usage, bad input, or an implementation that broke the protocol. */
export const EXIT_BROKEN = 2;
