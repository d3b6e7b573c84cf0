// Connects the signed-in browser to the notifications hub (cookie auth) and forwards pushes to the bell component.
let connection;

function loadSignalR() {
  if (window.signalR) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "_content/BranchNetwork.Modules.Notifications/lib/signalr/signalr.min.js";
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("signalr client failed to load"));
    document.head.appendChild(script);
  });
}

export async function connect(bell) {
  await loadSignalR();
  if (connection) await connection.stop();
  connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/notifications")
    .withAutomaticReconnect()
    .build();
  connection.on("unreadCount", count => bell.invokeMethodAsync("OnUnreadCount", count));
  connection.on("notification", message => bell.invokeMethodAsync("OnNotification", message.title));
  // Live signals are for pages, not the bell: a window event any page's script may listen to (topic in detail).
  connection.on("signal", topic => window.dispatchEvent(new CustomEvent("bank:signal", { detail: topic })));
  // A notification arrived or was read: pages counting the work behind it (the home page's cards) re-read as on a signal.
  connection.on("unreadCount", () => window.dispatchEvent(new CustomEvent("bank:signal", { detail: "notifications" })));
  // The user was disabled or their password reset: leave the page for the sign-in form, whatever the circuit does.
  connection.on("sessionEnded", () => {
    connection.stop();
    window.location.assign("/account/login?returnUrl=" + encodeURIComponent(window.location.pathname + window.location.search));
  });
  // After a gap, pages re-read whatever they show: a signal may have been missed.
  connection.onreconnected(() => {
    bell.invokeMethodAsync("OnReconnected");
    window.dispatchEvent(new CustomEvent("bank:signal", { detail: "*" }));
  });
  await connection.start();
  markConnected();
}

// An enhanced navigation that lands before the circuit starts patches <html> to the new page's attributes,
// dropping the marker; put it back while the connection is up.
function markConnected() {
  if (connection && connection.state === "Connected") document.documentElement.dataset.notificationsHub = "connected";
}

window.Blazor?.addEventListener?.("enhancedload", markConnected);

export async function disconnect() {
  if (connection) await connection.stop();
  connection = undefined;
}
