// SQS's public surface: standard and FIFO queues on the virtual clock (docs/sqs-sns.md).
export { SQS_OPERATIONS } from './commands.js';
export * from './limits.js';
export { SQS_SLOT, sqsState, type QueueState, type SqsMessage, type SqsState } from './model.js';
export { createQueue, findQueue, getQueueAttributes, getQueueUrl, listQueues, purgeQueue, queueAttributes, queueByArn } from './queues.js';
export { changeMessageVisibility, deleteMessage, receiveMessage } from './receive.js';
export { sendMessage, sendMessageBatch, sendToQueue, type Accepted, type SendInput } from './send.js';
export { SQS_SIM_COMMANDS, describeQueueForShow } from './show.js';
