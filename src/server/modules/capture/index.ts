export { captureRoutes } from './capture.routes';
export {
  capturePipeline,
  resumeWaiting,
  LIMIT_REASON,
  DEACTIVATED_REASON,
  type CapturePipeline,
  type ExtractFn,
  type PipelinePorts,
} from './pipeline';
export { receiveFiles, type IncomingFile, type Submitter } from './receive';
export { findAddress } from './email-addresses';
export { enqueueSplit } from './jobs';
export { sniffKind, LIMITS } from './file-types';
export { receiveEmail, type InboundMail } from './email-in';
