/*
 | Ace entry point: registers the TypeScript loader, then boots the console kernel.
*/
import '@poppinss/ts-exec'

await import('./bin/console.js')
