export { startNormalizer, handleStoreBatch, type NormalizerOptions } from "./normalizer-service.ts";
