// The home page re-reads its cards when something it counts may have changed: any live signal the notifications hub
// forwards ("bank:signal", raised by notifications.js on the bell's connection; a new or read notification raises
// one too). Bursts (a publish to eight sub-branches) become one re-read: the page waits for a quiet moment first.
const quietMs = 300;
let handler;
let timer;

export function listen(page) {
  stop();
  handler = () => {
    clearTimeout(timer);
    timer = setTimeout(() => page.invokeMethodAsync("OnSignal").catch(() => { }), quietMs);
  };
  window.addEventListener("bank:signal", handler);
}

export function stop() {
  if (handler) window.removeEventListener("bank:signal", handler);
  clearTimeout(timer);
  handler = undefined;
}
