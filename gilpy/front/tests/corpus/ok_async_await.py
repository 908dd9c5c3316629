async def main():
    async with lock:
        await asyncio.sleep(0)
    async for x in it:
        pass
await = async_ = 1
