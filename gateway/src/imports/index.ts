export * from './upload-route';
