// Reads a server-sent event stream in a test as it arrives: the raw text so far, and the "change" events' data.
export function readEvents(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let done = false;
  const reading = (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    done = true;
  })();
  return {
    text: () => text,
    ended: () => done,
    async until(fragment: string, timeoutMs = 5000) {
      const start = Date.now();
      while (!text.includes(fragment)) {
        if (Date.now() - start > timeoutMs)
          throw new Error(`no ${JSON.stringify(fragment)} in ${JSON.stringify(text)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    changes: () =>
      [...text.matchAll(/^event: change\ndata: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as { topics: string[] }),
    async stop() {
      await reader.cancel();
      await reading;
    },
  };
}
