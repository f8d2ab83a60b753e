/**
 * Every resource's lifecycle table and permission table (the kernel: ../lifecycle.ts,
 * ../permission-table.ts; scope rules: ../scope.ts). The item's are ../transitions.ts
 * (ITEM_LIFECYCLE) and ../permissions.ts (ITEM_PERMISSIONS).
 */
export * from './session'
export * from './visit-record'
export * from './problem'
export * from './callback'
export * from './invitation'
export * from './directory'
