export { startStoreWorker, handleStoreBatch, type StoreWorkerOptions } from "./store-worker-service.ts";
