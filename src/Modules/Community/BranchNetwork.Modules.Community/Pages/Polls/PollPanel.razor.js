// A thread's poll listens to the live signals the notifications hub forwards as a window event ("bank:signal", raised
// by notifications.js on the bell's connection): a vote or a closing makes the panel read the poll again.
const listeners = new Map();
let next = 0;

export function listen(panel, topic) {
  const id = ++next;
  const handler = event => {
    if (event.detail === topic || event.detail === "*") panel.invokeMethodAsync("OnSignal");
  };
  listeners.set(id, handler);
  window.addEventListener("bank:signal", handler);
  return id;
}

export function stop(id) {
  const handler = listeners.get(id);
  if (handler) window.removeEventListener("bank:signal", handler);
  listeners.delete(id);
}
