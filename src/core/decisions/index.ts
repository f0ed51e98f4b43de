export * from './types';
export * from './fingerprint';
export * from './match';
export * from './record';
export * from './file';
export * from './dismissals';
