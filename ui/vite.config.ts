import { defineConfig } from "vite";

// Static files embedded in the app: relative asset paths, no dev-server assumptions at runtime.
export default defineConfig({
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, target: "es2021" },
  test: { environment: "node", globals: true },
});
