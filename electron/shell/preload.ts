/**
 * The preload: exposes only `invoke(channel, input)` and `on(event, cb)`, each checked against the contract's
 * allow-list, through contextBridge. Bundled to CommonJS; runs sandboxed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, isEventName } from '../../shared/ipc/contract';

contextBridge.exposeInMainWorld('api', {
  invoke(channel: unknown, input: unknown) {
    if (!isChannel(channel))
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: 'errors.unknownChannel' },
      });
    return ipcRenderer.invoke('ipc:invoke', channel, input);
  },
  on(event: unknown, cb: (payload: unknown) => void) {
    if (!isEventName(event) || typeof cb !== 'function') return () => undefined;
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) cb(payload);
    };
    ipcRenderer.on('ipc:event', listener);
    return () => ipcRenderer.removeListener('ipc:event', listener);
  },
});
