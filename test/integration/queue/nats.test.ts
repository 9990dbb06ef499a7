import { describeQueueBehaviour } from '../../../src/queue/testing/queue-behaviour.ts';
import { natsWorld } from './nats-world.ts';

describeQueueBehaviour('NATS JetStream queue', { newWorld: natsWorld });
