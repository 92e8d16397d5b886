/**
 * The oracle: an exact, executable model of FreeBSD kern_exit.c r176365 and the kernel around it,
 * driven through the shared `Implementation` contract.
 */
export { Oracle, createOracle, type OracleOptions, type KernelClass } from './oracle';
export { Kernel } from './kernel/kernel';
export { RecordingMachineDependent, type MachineDependent } from './md/machine-dependent';
export { PROFILES, profileFor, FREEBSD_R176365, type Profile } from './profiles';
export type { Proc, Pgrp, Session } from './kernel/proc';
