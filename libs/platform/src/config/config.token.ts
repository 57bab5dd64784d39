/** Injection token of the validated `TesseraConfig`. */
export const TESSERA_CONFIG = Symbol('TESSERA_CONFIG');
