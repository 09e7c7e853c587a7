export {
  createKafkaGateway,
  type ConsumedBatch,
  type ConsumedMessage,
  type ConsumerCrash,
  type KafkaConsumer,
  type KafkaGateway,
  type KafkaProducer,
  type KafkaSettings,
  type OutgoingMessage,
} from "./kafka.ts";
