import edge from 'edge.js'
