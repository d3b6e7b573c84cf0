// A thread's page listens to the live signals the notifications hub forwards as a window event ("bank:signal", raised
// by notifications.js on the bell's connection): a new reply, a like, a moderator's mark make the page read the thread again.
const listeners = new Map();
let next = 0;

export function listen(page, topic) {
  const id = ++next;
  const handler = event => {
    if (event.detail === topic || event.detail === "*") page.invokeMethodAsync("OnSignal");
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

export async function copy(text) {
  const url = new URL(text, window.location.origin).toString();
  try {
    await navigator.clipboard.writeText(url);
    return true;
  } catch {
    return false;
  }
}
