// The card entry of /billing. The card is typed into the gateway's frame; this script passes on only the token the
// gateway hands back, and only when it comes from the frame this page opened, on the panel's own origin.

export function listenToFrame(dotnet, frameId) {
    const frame = document.getElementById(frameId);
    function onMessage(event) {
        if (!frame || event.source !== frame.contentWindow || event.origin !== window.location.origin) {
            return;
        }
        const data = event.data || {};
        if (data.type === "com1-card-height" && Number.isFinite(data.height)) {
            const height = Math.min(Math.max(data.height, 200), 1200);
            if (Math.abs(frame.offsetHeight - height) > 2) {
                frame.style.height = height + "px";
            }
        } else if (data.type === "com1-card-token" && typeof data.token === "string") {
            dotnet.invokeMethodAsync("OnTokenAsync", data.token);
        }
    }
    // The frame tells its height when it loads; it may have loaded before this listener, so ask it too.
    function askSize() {
        frame?.contentWindow?.postMessage({ type: "com1-card-size" }, window.location.origin);
    }
    window.addEventListener("message", onMessage);
    frame?.addEventListener("load", askSize);
    askSize();
    return {
        dispose: () => {
            window.removeEventListener("message", onMessage);
            frame?.removeEventListener("load", askSize);
        },
    };
}

let stripeScript;

function loadStripe() {
    stripeScript ??= new Promise((resolve, reject) => {
        if (window.Stripe) {
            resolve(window.Stripe);
            return;
        }
        const script = document.createElement("script");
        script.src = "https://js.stripe.com/v3/";
        script.onload = () => resolve(window.Stripe);
        script.onerror = () => reject(new Error("Stripe.js did not load"));
        document.head.appendChild(script);
    });
    return stripeScript;
}

export async function mountStripe(elementId, publishableKey, clientSecret, dark) {
    const Stripe = await loadStripe();
    const stripe = Stripe(publishableKey);
    const elements = stripe.elements({ clientSecret, appearance: { theme: dark ? "night" : "stripe" } });
    const payment = elements.create("payment");
    payment.mount("#" + elementId);
    return {
        confirm: async (holderName) => {
            const result = await stripe.confirmSetup({
                elements,
                redirect: "if_required",
                confirmParams: {
                    return_url: window.location.href,
                    payment_method_data: { billing_details: { name: holderName || undefined } },
                },
            });
            return result.error
                ? { token: null, error: result.error.message || "The card could not be saved." }
                : { token: result.setupIntent.id, error: null };
        },
        dispose: () => payment.destroy(),
    };
}
