/*
 * A bare node:http server answering what /health/live answers: measured like the app, it shows
 * what this machine can do at all, so the app's figures can be read against it.
 */
import { createServer } from 'node:http'

const body = JSON.stringify({ status: 'ok' })
createServer((_request, response) => {
  response.setHeader('content-type', 'application/json; charset=utf-8')
  response.setHeader('cache-control', 'no-store')
  response.end(body)
}).listen(Number(process.env.PORT), '127.0.0.1')
