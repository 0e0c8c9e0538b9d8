import type { KubeplayApi } from '../src/ui/automation';

declare global {
  interface Window {
    kubeplay?: KubeplayApi;
  }
}
