// Infinite scroll of the community feed: when the sentinel at the end of the list comes into view, the page loads
// the next keyset page (the page ignores the call while a page is loading or when there is no more).
const observers = new Map();
let next = 0;

export function observe(page, sentinel) {
  const id = ++next;
  const observer = new IntersectionObserver(entries => {
    if (entries.some(e => e.isIntersecting)) page.invokeMethodAsync("OnEndVisible");
  }, { rootMargin: "200px" });
  observer.observe(sentinel);
  observers.set(id, observer);
  return id;
}

export function stop(id) {
  const observer = observers.get(id);
  if (observer) observer.disconnect();
  observers.delete(id);
}
